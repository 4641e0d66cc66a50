// Placeholder until the page is built.
export default function FormBuilderPage() {
  return null;
}
