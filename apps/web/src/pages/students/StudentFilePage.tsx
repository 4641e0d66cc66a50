// Placeholder until the page is built.
export default function StudentFilePage() {
  return null;
}
