-- The meshgw language server against a control plane, in headless Neovim 0.7+: a folder of
-- gateway files (no Dataplanes, no Secrets) with `meshgw.controlPlane` set; waits for the
-- server's `meshgw/controlPlaneStatus`, hovers a listener, and prints `MESHGW_RESULT <json>`.
-- Environment: LSP_CMD (the server command), FOLDER (the workspace), CP_URL, TOKEN_FILE.
local out = io.stdout
local folder = os.getenv('FOLDER')
local cmd = vim.split(os.getenv('LSP_CMD'), ' ', { trimempty = true })
local result = { errors = {}, statuses = {}, messages = {} }

local function fail(message)
  table.insert(result.errors, message)
end

local client_id = vim.lsp.start_client({
  name = 'meshgw',
  cmd = cmd,
  root_dir = folder,
  -- Neovim 0.7 neither answers nor announces workspace/configuration: settings go with initialize.
  init_options = { meshgw = { controlPlane = { url = os.getenv('CP_URL'), tokenFile = os.getenv('TOKEN_FILE') } } },
  handlers = {
    ['meshgw/controlPlaneStatus'] = function(_, params)
      table.insert(result.statuses, params.state)
    end,
    ['window/showMessage'] = function(_, params)
      table.insert(result.messages, params.message)
    end,
  },
})
if not client_id then
  fail('the client did not start')
end

vim.cmd('edit ' .. vim.fn.fnameescape(folder .. '/gateway.yaml'))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local connected = vim.wait(15000, function()
  return vim.tbl_contains(result.statuses, 'connected')
end, 20)
if not connected then
  fail('no connected status')
end
local client = vim.lsp.get_client_by_id(client_id)

local line, col
for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local at = text:find('protocol: HTTP', 1, true)
  if at then
    line, col = i - 1, at - 1
    break
  end
end
local res, err = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = line or 0, character = (col or 0) + 2 },
}, 10000, bufnr)
if err or not res or res.err then
  fail('hover: ' .. vim.inspect(err or (res and res.err)))
end
result.hover = res and res.result and res.result.contents.value or vim.NIL

-- The refresh command, as a user runs it (no arguments).
local refreshed = client.request_sync('workspace/executeCommand', { command = 'meshgw.refreshControlPlane', arguments = {} }, 10000, bufnr)
result.refreshed = refreshed and refreshed.result and refreshed.result.state or vim.NIL

client.stop()
vim.wait(5000, function()
  return client.is_stopped()
end, 20)
out:write('MESHGW_RESULT ' .. vim.fn.json_encode(result) .. '\n')
vim.cmd('qa!')
