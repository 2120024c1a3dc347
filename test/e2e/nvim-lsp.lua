-- End-to-end check of the meshgw language server in headless Neovim 0.7+ (no vim.lsp.start,
-- so start_client + buf_attach_client). Opens examples, reads the pushed diagnostics, asks for
-- a hover on a listener and for completions, jumps to a definition, lists references, asks for
-- inlay hints, applies a quick fix, and prints one line `MESHGW_RESULT <json>`.
-- Environment: LSP_CMD (the server command), EXAMPLES (the examples folder).
local out = io.stdout
local examples = os.getenv('EXAMPLES')
local cmd = vim.split(os.getenv('LSP_CMD'), ' ', { trimempty = true })
local result = { errors = {} }

local function fail(message)
  table.insert(result.errors, message)
end

vim.cmd('set hidden')

local published = {}
local client_id = vim.lsp.start_client({
  name = 'meshgw',
  cmd = cmd,
  root_dir = examples,
  flags = { debounce_text_changes = 0 },
  -- Neovim 0.7 does not answer workspace/configuration: settings go with initialize.
  init_options = { meshgw = { certificateWarningDays = 30, severity = { ['certificate-expiring'] = 'error' } } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      published[params.uri] = params.diagnostics
      vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
})
if not client_id then
  fail('the client did not start')
end

local function open(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr
end

local function find(bufnr, needle)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  fail('not found: ' .. needle)
  return 0, 0
end

local broken = open(examples .. '/broken/gateway-listener-tag-service.yaml')
local gateway = open(examples .. '/edge-gateway/gateway.yaml')

-- A new, unsaved document in the edge-gateway folder, half typed.
vim.cmd('edit ' .. vim.fn.fnameescape(examples .. '/edge-gateway/nvim-scratch.yaml'))
local scratch = vim.api.nvim_get_current_buf()
vim.api.nvim_buf_set_lines(scratch, 0, -1, false, {
  'type: MeshGateway',
  'mesh: default',
  'name: nvim-gateway',
  'selectors:',
  '  - match:',
  '      kuma.io/service: nvim-gateway',
  'conf:',
  '  listeners:',
  '    - port: 8443',
  '      protocol: ',
  '      hostname: nvim.example.com',
  '      tls:',
  '        mode: TERMINATE',
  '        certificates:',
  '          - secret: ',
  '      tags:',
  '        vhost: nvim.example.com',
  '        ',
})
vim.lsp.buf_attach_client(scratch, client_id)

local initialized = vim.wait(15000, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return c ~= nil and c.initialized
end, 20)
result.initialized = initialized
local client = vim.lsp.get_client_by_id(client_id)

-- Pushed diagnostics, as Neovim shows them.
local broken_uri = vim.uri_from_bufnr(broken)
vim.wait(15000, function()
  return #vim.diagnostic.get(broken) > 0
end, 20)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(broken)) do
  table.insert(result.diagnostics, {
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
    severity = d.severity,
    source = d.source,
    message = d.message,
  })
end
result.published_codes = {}
for _, d in ipairs(published[broken_uri] or {}) do
  table.insert(result.published_codes, d.code)
end

local function request(method, params, bufnr)
  local res, err = client.request_sync(method, params, 10000, bufnr)
  if err then
    fail(method .. ': ' .. tostring(err))
    return nil
  end
  if res and res.err then
    fail(method .. ': ' .. vim.inspect(res.err))
    return nil
  end
  return res and res.result
end

-- Hover on the HTTPS listener's protocol key.
local line, col = find(gateway, 'protocol: HTTPS')
local hover = request('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(gateway) },
  position = { line = line, character = col + 2 },
}, gateway)
result.hover = hover and hover.contents and hover.contents.value or vim.NIL

local function labels(bufnr, needle, offset)
  local l, c = find(bufnr, needle)
  local res = request('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = l, character = c + offset },
  }, bufnr)
  local items = res and (res.items or res) or {}
  local out = {}
  for _, item in ipairs(items) do
    table.insert(out, item.label)
  end
  table.sort(out)
  return out
end

result.completion = {
  protocol = labels(scratch, 'protocol: ', #'protocol: '),
  secret = labels(scratch, '- secret: ', #'- secret: '),
}
local last = vim.api.nvim_buf_line_count(scratch) - 1
local tag_items = request('textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(scratch) },
  position = { line = last, character = 8 },
}, scratch)
result.completion.tags = {}
for _, item in ipairs(tag_items and (tag_items.items or tag_items) or {}) do
  table.insert(result.completion.tags, item.label)
end
table.sort(result.completion.tags)

-- Go to definition from a listener certificate's `secret:`, as a user does: the cursor on the
-- name, then vim.lsp.buf.definition(), which jumps to the location the server answers.
vim.api.nvim_set_current_buf(gateway)
local dl, dc = find(gateway, 'secret: secure-example-com-ecdsa')
vim.api.nvim_win_set_cursor(0, { dl + 1, dc + #'secret: ' + 3 })
vim.lsp.buf.definition()
vim.wait(10000, function()
  return vim.api.nvim_buf_get_name(0):match('secrets%.yaml$') ~= nil
end, 20)
local cursor = vim.api.nvim_win_get_cursor(0)
result.definition = {
  file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ':t'),
  line = cursor[1],
  col = cursor[2],
  text = vim.api.nvim_get_current_line(),
}

-- References of the gateway's name, as vim.lsp.buf.references() puts them in the quickfix list.
vim.api.nvim_set_current_buf(gateway)
local rl, rc = find(gateway, 'name: edge-gateway')
vim.api.nvim_win_set_cursor(0, { rl + 1, rc + #'name: ' + 2 })
vim.fn.setqflist({})
vim.lsp.buf.references({ includeDeclaration = false })
vim.wait(10000, function()
  return #vim.fn.getqflist() > 0
end, 20)
result.references = {}
for _, item in ipairs(vim.fn.getqflist()) do
  table.insert(result.references, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(item.bufnr), ':t') .. ':' .. item.lnum)
end
table.sort(result.references)

-- Neovim 0.7 does not ask for inlay hints itself; the request still reaches the server.
local hints = request('textDocument/inlayHint', {
  textDocument = { uri = vim.uri_from_bufnr(gateway) },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(gateway), character = 0 } },
}, gateway)
result.inlay_hints = {}
for _, h in ipairs(hints or {}) do
  table.insert(result.inlay_hints, (h.position.line + 1) .. ': ' .. h.label)
end

-- The settings given with initialize reach the server: the Secrets' expiring certificates are
-- errors, as `severity` asks.
local secrets_uri = vim.uri_from_fname(examples .. '/edge-gateway/secrets.yaml')
vim.wait(10000, function()
  return published[secrets_uri] ~= nil
end, 20)
result.secrets_severities = {}
for _, d in ipairs(published[secrets_uri] or {}) do
  table.insert(result.secrets_severities, d.code .. '=' .. d.severity)
end

-- The quick fix of the forbidden listener tag, applied as a code action applies it.
local ql, qc = find(broken, 'kuma.io/service: example')
local actions = request('textDocument/codeAction', {
  textDocument = { uri = broken_uri },
  range = { start = { line = ql, character = qc }, ['end'] = { line = ql, character = qc } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(broken, ql) },
}, broken)
result.quick_fixes = {}
for _, a in ipairs(actions or {}) do
  table.insert(result.quick_fixes, a.title)
end
if actions and actions[1] and actions[1].edit then
  vim.lsp.util.apply_workspace_edit(actions[1].edit, 'utf-16')
end
result.fixed_tags = vim.api.nvim_buf_get_lines(broken, ql - 1, ql + 1, false)

client.stop()
vim.wait(5000, function()
  return client.is_stopped()
end, 20)

out:write('MESHGW_RESULT ' .. vim.fn.json_encode(result) .. '\n')
vim.cmd('qa!')
