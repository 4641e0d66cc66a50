// Placeholder until the page is built.
export default function StudentsPage() {
  return null;
}
