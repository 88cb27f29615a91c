
export default function NotFound() {
  return (
    <main class="page page--center">
      <h1>Page not found</h1>
      <p>This address does not lead anywhere. Scan a booth's QR code again, or go to your fair overview.</p>
      <p>
        <a class="button" href="/me">My fair</a>
      </p>
    </main>
  );
}
