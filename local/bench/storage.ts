// Storage throughput and latency through the gateway with supabase-js (issue 17): uploading and downloading 1 MB and
// 50 MB files as the service role into a private bucket, and downloading a small file by signed URL (the way a chat
// shows an attachment), whose p95 is the figure the app's thumbnails wait on.
import { createClient } from '@supabase/supabase-js';
import { startStack } from '../stack.ts';
import { median, percentile, reportFigure, table } from './report.ts';
import type { Benchmark } from './index.ts';

const BUCKET = 'bench-storage';
const SIZES = [
  { label: '1mb', bytes: 1024 * 1024, repeats: 10 },
  // Exactly the project's default upload limit (50 MiB).
  { label: '50mb', bytes: 50 * 1024 * 1024, repeats: 2 },
];
const SIGNED_DOWNLOADS = 200;
const SIGNED_CONCURRENCY = 10;

export const storageBenchmark: Benchmark = {
  name: 'storage',
  description: 'upload and download throughput for 1 MB and 50 MB files, signed-URL download latency (p95), through supabase-js',
  async run({ runs }) {
    const stack = await startStack('bench', { seed: false });
    try {
      const admin = createClient(stack.apiUrl, stack.keys.serviceRoleKey, { auth: { persistSession: false, autoRefreshToken: false } });
      const created = await admin.storage.createBucket(BUCKET, { public: false });
      if (created.error) throw new Error(`could not create the bucket: ${created.error.message}`);
      const files = admin.storage.from(BUCKET);
      const rows: Array<Record<string, string | number>> = [];

      for (const size of SIZES) {
        const body = Buffer.alloc(size.bytes, 0x5a);
        const upload: number[] = [];
        const download: number[] = [];
        for (let run = 0; run < runs; run++) {
          for (let repeat = 0; repeat < size.repeats; repeat++) {
            const path = `${size.label}/${run}-${repeat}.bin`;
            let t0 = performance.now();
            const stored = await files.upload(path, body, { contentType: 'application/octet-stream', upsert: true });
            if (stored.error) throw new Error(`upload of ${size.label} failed: ${stored.error.message}`);
            upload.push(size.bytes / 1024 / 1024 / ((performance.now() - t0) / 1000));
            t0 = performance.now();
            const fetched = await files.download(path);
            if (fetched.error || !fetched.data) throw new Error(`download of ${size.label} failed: ${fetched.error?.message}`);
            const received = (await fetched.data.arrayBuffer()).byteLength;
            if (received !== size.bytes) throw new Error(`download of ${size.label} returned ${received} bytes`);
            download.push(size.bytes / 1024 / 1024 / ((performance.now() - t0) / 1000));
          }
        }
        rows.push({ figure: `upload ${size.label}`, 'median MB/s': median(upload).toFixed(1), samples: upload.length });
        rows.push({ figure: `download ${size.label}`, 'median MB/s': median(download).toFixed(1), samples: download.length });
        reportFigure(`storage.upload_${size.label}_throughput`, median(upload), 'MB/s');
        reportFigure(`storage.download_${size.label}_throughput`, median(download), 'MB/s');
      }

      const small = await files.upload('signed/photo.jpg', Buffer.alloc(200 * 1024, 1), { contentType: 'image/jpeg', upsert: true });
      if (small.error) throw new Error(`upload for the signed URLs failed: ${small.error.message}`);
      const latencies: number[] = [];
      for (let run = 0; run < runs; run++) {
        const signed = await files.createSignedUrl('signed/photo.jpg', 600);
        if (signed.error) throw new Error(`createSignedUrl failed: ${signed.error.message}`);
        let remaining = SIGNED_DOWNLOADS;
        await Promise.all(
          Array.from({ length: SIGNED_CONCURRENCY }, async () => {
            while (remaining-- > 0) {
              const t0 = performance.now();
              const response = await fetch(signed.data.signedUrl);
              await response.arrayBuffer();
              if (response.status !== 200) throw new Error(`signed download answered ${response.status}`);
              latencies.push(performance.now() - t0);
            }
          }),
        );
      }
      rows.push({ figure: `signed-URL download 200 KB (${SIGNED_CONCURRENCY} concurrent) p50 ms`, 'median MB/s': percentile(latencies, 50).toFixed(1), samples: latencies.length });
      rows.push({ figure: `signed-URL download 200 KB (${SIGNED_CONCURRENCY} concurrent) p95 ms`, 'median MB/s': percentile(latencies, 95).toFixed(1), samples: latencies.length });
      table(rows);
      reportFigure('storage.signed_download_p50', percentile(latencies, 50), 'ms');
      reportFigure('storage.signed_download_p95', percentile(latencies, 95), 'ms');
    } finally {
      await stack.stop();
    }
  },
};
