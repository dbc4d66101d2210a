import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const test: Handler = async () => {
  throw new UsageError('hookctl test is not implemented yet', 'see the project issues');
};
export default test;
