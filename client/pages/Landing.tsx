
export default function Landing() {
  return (
    <main class="page page--center">
      <h1>Scan a booth's QR code to begin</h1>
      <p class="muted">Open your phone's camera and point it at the QR code on a booth's poster.</p>
      <p>
        <a class="button" href="/me">My fair: visits, contacts and interviews</a>
      </p>
    </main>
  );
}
