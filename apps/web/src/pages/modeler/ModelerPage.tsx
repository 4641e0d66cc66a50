// Placeholder until the page is built.
export default function ModelerPage() {
  return null;
}
