// Placeholder until the page is built.
export default function TaskPage() {
  return null;
}
