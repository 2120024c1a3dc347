import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { toCodeActions, toOffset } from '../convert.js';
import { answer, geometryOf, type ServerContext } from '../context.js';
import { diagnosticContext } from './diagnostics.js';
import { CONTROL_PLANE_DIFF_COMMAND } from '../protocol.js';
import { toLspDiagnostic } from '../convert.js';

/**
 * Quick fixes: the engine's fixes of the diagnostics that touch the requested range, and for a
 * gateway that differs from the control plane, the command that shows how.
 */
export function onCodeAction(ctx: ServerContext) {
  return (params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> =>
    answer(ctx, 'codeAction', token, [], () => {
      const only = params.context.only;
      if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
      const key = ctx.store.key(params.textDocument.uri);
      const geometry = geometryOf(ctx, key);
      if (!geometry) return [];
      const start = toOffset(geometry, params.range.start);
      const end = toOffset(geometry, params.range.end);
      const dctx = diagnosticContext(ctx, geometry);
      const touching = ctx.store.diagnostics(key).filter((d) => d.span.start <= end && d.span.end >= start);
      const fixes = touching.filter((d) => d.fixes && d.fixes.length > 0).flatMap((d) => toCodeActions(d, toLspDiagnostic(d, dctx), params.textDocument.uri, geometry));
      const diffs = touching
        .filter((d) => d.code === 'differs-from-control-plane')
        .map((d): CodeAction => {
          const title = 'Show what applying this file changes on the control plane';
          return { title, kind: CodeActionKind.QuickFix, diagnostics: [toLspDiagnostic(d, dctx)], command: { title, command: CONTROL_PLANE_DIFF_COMMAND, arguments: [params.textDocument.uri] } };
        });
      return [...fixes, ...diffs];
    });
}
