import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const listen: Handler = async () => {
  throw new UsageError('hookctl listen is not implemented yet', 'see the project issues');
};
export default listen;
