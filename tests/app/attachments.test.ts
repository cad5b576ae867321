// The attachment rules the browser applies before an upload (app/lib/shared/attachments.ts): what the composer says
// about the limits, which files it refuses and why, and where a file is stored.
import { describe, expect, it } from 'vitest';
import { imageMarkdown, kbImagePath } from '../../app/lib/shared/attachments.ts';
import { attachmentFromMetadata, attachmentPath, attachmentRefusal, describeAttachmentLimits, formatDuration, formatFileSize } from '../../app/lib/shared/attachments.ts';

const limits = { maxBytes: 25 * 1024 * 1024, allowedTypes: ['image/jpeg', 'image/png', 'application/pdf', 'text/plain', 'audio/webm'] };
const conversation = '0f9e7c1a-3b2d-4c5e-8f70-1a2b3c4d5e6f';

describe('attachment limits', () => {
  it('states the kinds of file and the size in words', () => {
    expect(describeAttachmentLimits(limits)).toBe('Photos, PDFs, text files and audio, up to 25 MB');
    expect(describeAttachmentLimits({ maxBytes: 512 * 1024, allowedTypes: ['image/png'] })).toBe('Photos, up to 512 KB');
    expect(describeAttachmentLimits({ maxBytes: 1024, allowedTypes: [] })).toBe('Files, up to 1 KB');
  });

  it('refuses an empty, an oversized or a refused kind of file, saying why', () => {
    expect(attachmentRefusal({ name: 'dash.png', size: 2048, type: 'image/png' }, limits)).toBeNull();
    expect(attachmentRefusal({ name: 'empty.png', size: 0, type: 'image/png' }, limits)).toBe('empty.png is empty.');
    expect(attachmentRefusal({ name: 'video.png', size: 26 * 1024 * 1024, type: 'image/png' }, limits)).toBe('video.png is 26 MB; files can be up to 25 MB.');
    expect(attachmentRefusal({ name: 'setup.exe', size: 10, type: 'application/x-msdownload' }, limits)).toBe(
      'setup.exe is not a kind of file we accept. Photos, PDFs, text files and audio, up to 25 MB.',
    );
  });

  it('formats lengths as players show them', () => {
    expect([formatDuration(0.4), formatDuration(4.26), formatDuration(59.6), formatDuration(750)]).toEqual(['0:00', '0:04', '0:59', '12:30']);
  });

  it('formats sizes as people read them', () => {
    expect([formatFileSize(900), formatFileSize(2048), formatFileSize(1.5 * 1024 * 1024), formatFileSize(25 * 1024 * 1024)]).toEqual(['900 B', '2 KB', '1.5 MB', '25 MB']);
  });
});

describe('attachment paths', () => {
  it('stores a file under its conversation, in a folder of its own, with a name every storage key allows', () => {
    expect(attachmentPath(conversation, 'Warning light (front).PNG', { unique: 'u1' })).toBe(`${conversation}/u1/Warning-light-front.png`);
    expect(attachmentPath(conversation, 'Übersicht.pdf', { unique: 'u2' })).toBe(`${conversation}/u2/Ubersicht.pdf`);
    expect(attachmentPath(conversation, '....', { unique: 'u3' })).toBe(`${conversation}/u3/file`);
    expect(attachmentPath(conversation, 'wiring.pdf', { unique: 'u4', internal: true })).toBe(`${conversation}/internal/u4/wiring.pdf`);
  });

  it('stores article images under articles/, and links them with their name as alternative text', () => {
    expect(kbImagePath('Pad wear (rear).JPG', 'u5')).toBe('articles/u5/Pad-wear-rear.jpg');
    expect(imageMarkdown('pad wear.png', 'https://x.supabase.co/storage/v1/object/public/kb-images/a.png')).toBe('![pad wear](https://x.supabase.co/storage/v1/object/public/kb-images/a.png)');
    expect(imageMarkdown('[evil]\\.png', 'u')).toBe('![evil](u)');
    expect(imageMarkdown('.png', 'u')).toBe('![Image](u)');
  });

  it('reads a message attachment only in the shape the database writes', () => {
    const attachment = { path: `${conversation}/u1/dash.png`, name: 'dash.png', size: 2048, mime: 'image/png' };
    expect(attachmentFromMetadata({ attachment })).toEqual({ ...attachment, durationSeconds: null });
    const voice = { path: `${conversation}/u2/voice.webm`, name: 'voice.webm', size: 5000, mime: 'audio/webm', duration_seconds: 4.3 };
    expect(attachmentFromMetadata({ attachment: voice })).toEqual({ path: voice.path, name: voice.name, size: 5000, mime: 'audio/webm', durationSeconds: 4.3 });
    expect(attachmentFromMetadata({ attachments: [attachment] })).toBeNull();
    expect(attachmentFromMetadata({})).toBeNull();
    expect(attachmentFromMetadata(null)).toBeNull();
  });
});
