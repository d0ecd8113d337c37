// A meeting link for a video interview from the office's own video server
// (VIDEO_ROOM_BASE_URL, e.g. Jitsi Meet, where visiting <base>/<name> opens the room).
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

/** 128 random bits: a room nobody can guess or stumble into (Jitsi rooms are open to whoever has the name). */
const ROOM_NAME_BYTES = 16;

/**
 * desk.createVideoRoom: `{ url }`, `<base>/interview-<22 base64url characters>`,
 * new on every call; nothing is stored until the link is saved with the
 * meeting details. VALIDATION_FAILED when no VIDEO_ROOM_BASE_URL is configured.
 */
export function createVideoRoom(config: { videoRoomBaseUrl: string | undefined }): { url: string } {
  if (!config.videoRoomBaseUrl) throw new AppError('VALIDATION_FAILED', 'No video server is configured (VIDEO_ROOM_BASE_URL): paste a meeting link instead.');
  return { url: `${config.videoRoomBaseUrl}/interview-${randomBytes(ROOM_NAME_BYTES).toString('base64url')}` };
}
