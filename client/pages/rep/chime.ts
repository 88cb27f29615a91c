// A short tone for a new request. Browsers allow sound only after a tap, so the first tap arms it.
let audio: AudioContext | undefined;

export function armChime(): () => void {
  const unlock = () => {
    audio ??= new AudioContext();
    void audio.resume();
  };
  window.addEventListener('pointerdown', unlock, { once: true });
  return () => window.removeEventListener('pointerdown', unlock);
}

export function chime(): void {
  if (audio?.state !== 'running') return;
  const now = audio.currentTime;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, now);
  gain.gain.exponentialRampToValueAtTime(0.001, now + 0.5);
  tone.connect(gain).connect(audio.destination);
  tone.start(now);
  tone.stop(now + 0.5);
}
