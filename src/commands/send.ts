import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const send: Handler = async () => {
  throw new UsageError('hookctl send is not implemented yet', 'see the project issues');
};
export default send;
