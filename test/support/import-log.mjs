// Loaded with `node --import`: records every module URL the process resolves into $IMPORT_LOG.
import { register } from 'node:module';
register('./import-log-hooks.mjs', import.meta.url);
