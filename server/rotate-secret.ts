// `npm run secret:rotate`: a new current server key in DATA_DIR/secret.key,
// the old ones kept as previous keys (README "Rotating the secret"). Run it,
// then restart every instance. With SECRET_KEY set, rotate there instead.
import { ConfigError, loadConfig } from './env';
import { rotateKeyFile } from './secrets';

try {
  const config = loadConfig();
  if (config.secretKeys.current) {
    console.error('SECRET_KEY is set, so the key file is not used. Rotate in the environment: move the current value to the front of SECRET_KEY_PREVIOUS, set SECRET_KEY to `openssl rand -base64 32`, restart every instance.');
    process.exit(2);
  }
  const file = rotateKeyFile(config.dataDir);
  console.log(`New server key written to ${file} (previous keys kept). Restart the server (every instance) to use it.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
