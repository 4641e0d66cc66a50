// Placeholder until the page is built.
export default function InstancesPage() {
  return null;
}
