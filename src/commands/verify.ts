import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const verify: Handler = async () => {
  throw new UsageError('hookctl verify is not implemented yet', 'see the project issues');
};
export default verify;
