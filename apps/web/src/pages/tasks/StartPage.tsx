// Placeholder until the page is built.
export default function StartPage() {
  return null;
}
