// Placeholder until the page is built.
export default function LedgersPage() {
  return null;
}
