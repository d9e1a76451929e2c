/** Offers a definition as a JSON file download. */
export const downloadJson = (fileName: string, value: unknown): void => {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** Reads a chosen file as JSON; rejects with the parser's message for a broken file. */
export const readJsonFile = async (file: File): Promise<unknown> => JSON.parse(await file.text());
