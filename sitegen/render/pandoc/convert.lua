-- sitegen's running pandoc: converts pandoc JSON ASTs read from standard input, one after
-- another, until standard input ends (sitegen/render/pandoc_process.py).
--
-- Request: a line "FORMAT LENGTH", then LENGTH bytes of JSON.
-- Answer: a line "ok LENGTH" then LENGTH bytes of the document, or "error LENGTH" then
-- LENGTH bytes of pandoc's message. arg[1]: the reference document for docx ("" for none).

local reference = arg[1]
local options = pandoc.WriterOptions({ wrap_text = "wrap-none" })
if reference ~= nil and reference ~= "" then
  options = pandoc.WriterOptions({ wrap_text = "wrap-none", reference_doc = reference })
end

local function convert(text, format)
  return pandoc.write(pandoc.read(text, "json"), format, options)
end

while true do
  local header = io.stdin:read("l")
  if header == nil then
    break
  end
  local format, length = header:match("^([%w_+-]+) (%d+)$")
  if format == nil then
    io.stderr:write("sitegen pandoc: bad request line\n")
    os.exit(2)
  end
  local text = io.stdin:read(tonumber(length)) or ""
  local ok, result = pcall(convert, text, format)
  local status = "ok"
  if not ok then
    status, result = "error", tostring(result)
  end
  io.stdout:write(status, " ", tostring(#result), "\n", result)
  io.stdout:flush()
end
