import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, SERVER_MAIN } from '../server/support/lsp-client.js';

/**
 * The Neovim 0.7 recipe of docs/editors.md, as printed there, in headless Neovim: each YAML file
 * gets the server of its root (the nearest `.meshgw.yaml` above it, else `.git`, else its own
 * folder), one server per root. Skipped when `nvim` is not installed, unless MESHGW_E2E=1.
 */
const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).error === undefined;
const required = process.env.MESHGW_E2E === '1';

/** The Lua block under "Neovim 0.7 and later, no plugins", with the server command of this checkout. */
function recipe(): string {
  const doc = readFileSync(resolve(REPO, 'docs/editors.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### Neovim 0.7 and later, no plugins'));
  const block = /```lua\n([\s\S]*?)```/.exec(section)![1];
  expect(block).toContain("cmd = { 'meshgw', 'lsp', '--stdio' }");
  return block.replace("{ 'meshgw', 'lsp', '--stdio' }", "vim.split(os.getenv('LSP_CMD'), ' ', { trimempty = true })");
}

const DRIVER = `
vim.cmd('filetype on')
local out = {}
for _, file in ipairs(vim.split(os.getenv('FILES'), '\\n', { trimempty = true })) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client = nil
  local ready = vim.wait(15000, function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do client = c end
    return client ~= nil and client.initialized
  end, 20)
  table.insert(out, { ready = ready, root = client and client.config.root_dir or '', id = client and client.id or -1 })
end
io.stdout:write('MESHGW_RECIPE ' .. vim.fn.json_encode(out) .. '\\n')
vim.cmd('qa!')
`;

const GATEWAY = 'type: MeshGateway\nmesh: default\nname: gw\nselectors:\n  - match:\n      kuma.io/service: gw\nconf:\n  listeners:\n    - port: 80\n      protocol: HTTP\n';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(files: string[], init: string, driver: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${init}`, '-c', `luafile ${driver}`], {
      cwd: dir,
      env: { ...process.env, FILES: files.join('\n'), LSP_CMD: `${process.execPath} ${SERVER_MAIN} --stdio` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (error) => fail(new Error(`nvim could not start (${error.message}); install Debian's neovim package or unset MESHGW_E2E`)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', () => {
      clearTimeout(timer);
      done({ stdout, stderr });
    });
  });
}

describe('the Neovim 0.7 recipe', () => {
  it.skipIf(!hasNvim && !required)('roots each file at the nearest .meshgw.yaml, else .git, else its folder, one server per root', async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'meshgw-nvim-recipe-')));
    const repo = join(dir, 'repo');
    const project = join(repo, 'my project');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(project, 'gateways', 'edge'), { recursive: true });
    mkdirSync(join(repo, 'loose'), { recursive: true });
    mkdirSync(join(dir, 'bare'), { recursive: true });
    writeFileSync(join(project, '.meshgw.yaml'), 'kumaVersion: "2.14"\n');
    const files = [join(project, 'gateways', 'edge', 'gateway.yaml'), join(project, 'gateways', 'other.yaml'), join(repo, 'loose', 'gateway.yaml'), join(dir, 'bare', 'gateway.yaml')];
    for (const f of files) writeFileSync(f, GATEWAY);
    writeFileSync(join(dir, 'init.lua'), recipe());
    writeFileSync(join(dir, 'driver.lua'), DRIVER);

    const r = await run(files, join(dir, 'init.lua'), join(dir, 'driver.lua'));
    const line = r.stdout.split('\n').find((l) => l.startsWith('MESHGW_RECIPE '));
    expect(line, `no result from nvim; stderr: ${r.stderr}`).toBeDefined();
    const result = JSON.parse(line!.slice('MESHGW_RECIPE '.length)) as { ready: boolean; root: string; id: number }[];
    expect(result.map((x) => [x.ready, x.root])).toEqual([
      [true, project],
      [true, project],
      [true, repo],
      [true, join(dir, 'bare')],
    ]);
    expect(result[0].id).toBe(result[1].id);
    expect(new Set(result.map((x) => x.id)).size).toBe(3);
  });
});
