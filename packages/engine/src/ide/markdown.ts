/** Text for a markdown table cell, kept as written except for pipes and line breaks. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ');
}
