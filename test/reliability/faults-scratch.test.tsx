import { it } from 'vitest';
process.env.FORCE_COLOR = '1';
const { render, cleanup } = await import('ink-testing-library');
const { Text } = await import('ink');
it('ansi?', () => {
  const r = render(<Text color="red">hello</Text>);
  console.log(JSON.stringify(r.lastFrame()));
  cleanup();
});
