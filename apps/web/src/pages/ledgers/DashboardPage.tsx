// Placeholder until the page is built.
export default function DashboardPage() {
  return null;
}
