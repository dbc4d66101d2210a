import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const completion: Handler = async () => {
  throw new UsageError('hookctl completion is not implemented yet', 'see the project issues');
};
export default completion;
