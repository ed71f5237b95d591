-- Neovim as a second real LSP client of shipshape-language-server: started the way
-- docs/editors.md tells Neovim users to, on the Dockerfile nvim was opened with.
-- Run by test/nvim/run.mjs, which passes SHIPSHAPE_SERVER, SHIPSHAPE_NODE and
-- SHIPSHAPE_NVIM_RESULTS and reads one "ok - name" / "not ok - name: why" line per check.
local results = {}
local function check(name, ok, why)
  table.insert(results, (ok and 'ok - ' or 'not ok - ') .. name .. ((not ok and why) and (': ' .. why) or ''))
  return ok
end

local buf = vim.api.nvim_get_current_buf()
local file = vim.api.nvim_buf_get_name(buf)
local config = {
  name = 'shipshape',
  cmd = { os.getenv('SHIPSHAPE_NODE'), os.getenv('SHIPSHAPE_SERVER'), '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  -- The `shipshape.*` settings of VS Code's settings.json. Neovim 0.8+ answers the server's
  -- workspace/configuration requests from them; 0.7 does not offer that, so on_init pushes them.
  settings = { shipshape = { rules = { ['image-latest-tag'] = 'error' } } },
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
}
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config) -- Neovim 0.8+: starts (or reuses) and attaches
else
  client_id = vim.lsp.start_client(config) -- Neovim 0.7
  vim.lsp.buf_attach_client(buf, client_id)
end

local function find(rule)
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    if diagnostic.code == rule then
      return diagnostic
    end
  end
end

local function describe(d)
  return string.format('%s %d:%d-%d:%d severity %d source %s', d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity, tostring(d.source))
end

local function expect_diagnostic(rule, lnum, col, end_col, severity)
  local d = find(rule)
  local want = string.format('%s %d:%d-%d:%d severity %d source shipshape', rule, lnum, col, lnum, end_col, severity)
  check(rule .. ' on the offending word', d ~= nil and describe(d) == want, d and ('got ' .. describe(d)) or 'missing')
  return d
end

-- The LSP diagnostic behind a vim.diagnostic item, `data` included: the server's quick fixes
-- come from it (Neovim 0.7 keeps code and data in user_data.lsp, later versions everything).
local function to_lsp(d)
  local lsp = vim.deepcopy((d.user_data or {}).lsp or {})
  lsp.range = lsp.range or { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  lsp.message, lsp.severity, lsp.source, lsp.code = d.message, d.severity, d.source, d.code
  return lsp
end

local function run()
  local arrived = vim.wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  if not check('diagnostics arrive after opening the Dockerfile', arrived, 'none within 20 s') then
    return
  end
  local severity = vim.diagnostic.severity
  expect_diagnostic('image-latest-tag', 0, 10, 16, severity.ERROR) -- raised to error by `settings`
  expect_diagnostic('user-root', 0, 5, 16, severity.WARN)
  local shell_form = expect_diagnostic('cmd-shell-form', 2, 4, 18, severity.WARN)
  local href = shell_form and ((shell_form.user_data or {}).lsp or {}).codeDescription
  check('the rule id links to its docs page', href ~= nil and href.href:match('/docs/rules/cmd%-shell%-form%.md$') ~= nil, vim.inspect(href))
  if not shell_form then
    return
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local lsp = to_lsp(shell_form)
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp.range,
    context = { diagnostics = { lsp }, only = { 'quickfix' } },
  }, 10000, buf)
  local action
  for _, candidate in ipairs((response and response.result) or {}) do
    if candidate.title == 'Convert to exec form' then
      action = candidate
    end
  end
  if not check('a quick fix converts CMD to exec form', action ~= nil and action.edit ~= nil, vim.inspect(response)) then
    return
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check('the fix rewrites the line', line == 'CMD ["node", "server.js"]', line)

  local cleared = vim.wait(20000, function()
    return find('cmd-shell-form') == nil and find('image-latest-tag') ~= nil
  end, 50)
  check('diagnostics follow the edit', cleared, vim.inspect(vim.tbl_map(describe, vim.diagnostic.get(buf))))
end

local ok, err = pcall(run)
check('the checks ran without a Lua error', ok, tostring(err))
vim.lsp.stop_client(client_id)
local out = assert(io.open(os.getenv('SHIPSHAPE_NVIM_RESULTS'), 'w'))
out:write(table.concat(results, '\n'), '\n')
out:close()
vim.cmd('qa!')
