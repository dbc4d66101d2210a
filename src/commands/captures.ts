import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const captures: Handler = async () => {
  throw new UsageError('hookctl captures is not implemented yet', 'see the project issues');
};
export default captures;
