// Saving something the page made as a file: text or bytes (through a short-lived object URL), or a chart
// image already encoded as a data URL.

/** Downloads data (a string or bytes) as `name` with the given MIME type. */
export function downloadData(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads what a URL holds (e.g. a chart's PNG data URL) as `name`. */
export function downloadUrl(url, name) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}
