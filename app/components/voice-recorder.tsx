// Voice messages (issue 17): record in the browser (MediaRecorder), then send the recording as an attachment with its
// length. The microphone is asked for only when the customer presses Record, and released as soon as recording
// stops. A browser without MediaRecorder (or a refused microphone) gets a sentence, never a dead button.
import { useEffect, useRef, useState } from 'react';
import { formatDuration, VOICE_MESSAGE_MAX_SECONDS } from '~/lib/shared/attachments';

type Recording = { state: 'idle' } | { state: 'asking' } | { state: 'recording'; startedAt: number } | { state: 'failed'; message: string };

/** The content type stored for a recording: the container only (the bucket lists audio/webm, not its codec). */
function recordingType(recorder: MediaRecorder): string {
  return recorder.mimeType.split(';')[0] || 'audio/webm';
}

export function VoiceRecorder({ disabled, onRecorded }: { disabled: boolean; onRecorded: (file: File, durationSeconds: number) => void }) {
  const [recording, setRecording] = useState<Recording>({ state: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const keepRef = useRef(true);
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(typeof window.MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia)), []);

  useEffect(() => {
    if (recording.state !== 'recording') return;
    const timer = window.setInterval(() => {
      const seconds = (Date.now() - recording.startedAt) / 1000;
      setElapsed(seconds);
      if (seconds >= VOICE_MESSAGE_MAX_SECONDS) recorderRef.current?.stop();
    }, 250);
    return () => window.clearInterval(timer);
  }, [recording]);

  // Leaving the page mid-recording releases the microphone and sends nothing.
  useEffect(
    () => () => {
      keepRef.current = false;
      recorderRef.current?.stop();
    },
    [],
  );

  async function start() {
    setRecording({ state: 'asking' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      setRecording({ state: 'failed', message: 'The microphone is not available. Allow it in your browser, or type your message instead.' });
      return;
    }
    const recorder = new MediaRecorder(stream);
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    keepRef.current = true;
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      recorderRef.current = null;
      setRecording({ state: 'idle' });
      setElapsed(0);
      const seconds = (Date.now() - startedAt) / 1000;
      if (!keepRef.current || chunks.length === 0) return;
      const type = recordingType(recorder);
      const stamp = new Date(startedAt).toISOString().slice(0, 19).replace(/[T:]/g, '-');
      onRecorded(new File(chunks, `voice-message-${stamp}.${type === 'audio/ogg' ? 'ogg' : type === 'audio/mp4' ? 'm4a' : 'webm'}`, { type }), seconds);
    };
    recorderRef.current = recorder;
    recorder.start(250);
    setRecording({ state: 'recording', startedAt });
  }

  function stop(keep: boolean) {
    keepRef.current = keep;
    recorderRef.current?.stop();
  }

  if (!supported) return null;
  if (recording.state === 'recording') {
    return (
      <div className="voice-recorder is-recording" role="group" aria-label="Voice message">
        <span className="voice-recording-dot" aria-hidden="true" />
        <span role="timer" aria-live="off" data-testid="voice-elapsed">
          Recording {formatDuration(elapsed)}
        </span>
        <button type="button" className="button small" onClick={() => stop(true)}>
          Stop and send
        </button>
        <button type="button" className="button small secondary" onClick={() => stop(false)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="voice-recorder">
      <button type="button" className="button secondary small" disabled={disabled || recording.state === 'asking'} onClick={() => void start()}>
        {recording.state === 'asking' ? 'Waiting for the microphone…' : 'Record a voice message'}
      </button>
      {recording.state === 'failed' ? (
        <span className="field-error" role="alert">
          {recording.message}
        </span>
      ) : null}
    </div>
  );
}
