// Placeholder until the page is built.
export default function ProcessesPage() {
  return null;
}
