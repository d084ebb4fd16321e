/// <reference types="vite/client" />
/**
 * The lessons shipped in lessons/*.md, bundled as text by Vite and parsed with the command line's
 * parser. Loaded on demand (a separate chunk): the app's first download does not grow.
 */
import { parseLesson } from "../../lessons/parse.js";
import type { Lesson } from "../../lessons/types.js";

const FILES = import.meta.glob("../../../lessons/*.md", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export function bundledLessons(): Lesson[] {
  return Object.entries(FILES)
    .filter(([path]) => !path.endsWith("README.md"))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => parseLesson(text, path.split("/").pop() ?? path));
}
