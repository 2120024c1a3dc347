import type { Line } from '../views/styled.js';
import { DocumentView } from './DocumentView.js';

export interface YamlViewProps {
  lines: Line[];
  scroll: number;
  height: number;
}

/** A resource as YAML, values that could hold keys or tokens hidden. */
export function YamlView(props: YamlViewProps) {
  return <DocumentView {...props} />;
}
