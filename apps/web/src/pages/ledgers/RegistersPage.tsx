// Placeholder until the page is built.
export default function RegistersPage() {
  return null;
}
