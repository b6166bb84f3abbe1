/** A multipart/form-data body with one file field, for upload routes under app.inject. */
export function multipartFile(filename: string, content: string, field = "file"): { payload: string; headers: Record<string, string> } {
  const boundary = "----tandem-test-boundary-7MA4YWxkTrZu0gW";
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
