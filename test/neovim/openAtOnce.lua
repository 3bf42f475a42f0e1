-- Neovim's built-in LSP client as a user starts it: the strategy is opened first (as `nvim FILE` does), then the
-- server is started on the folder and attached at once. After the wait, the buffer's diagnostics are written to OUT.
-- Environment: ROOT (folder), FILE (the strategy), SERVER (bin/strategy-language-server.js), OUT, WAIT (ms).
local root, file, server = vim.env.ROOT, vim.env.FILE, vim.env.SERVER
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'strategy-codes',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'workspace' } },
})
vim.lsp.buf_attach_client(buf, id)
-- The scan of a small workspace ends well within the wait; a false error would stay, which is what this looks for.
vim.wait(tonumber(vim.env.WAIT or '5000'), function() return false end)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(lines, string.format('%d:%d %d %s %s', d.lnum + 1, d.col + 1, d.severity, tostring(d.code), d.message))
end
table.insert(lines, 'attached ' .. tostring(vim.lsp.buf_is_attached(buf, id)))
vim.fn.writefile(lines, vim.env.OUT)
vim.cmd('qa!')
