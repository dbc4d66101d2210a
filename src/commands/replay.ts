import { UsageError } from '../core/errors.js';
import type { Handler } from '../cli/context.js';

const replay: Handler = async () => {
  throw new UsageError('hookctl replay is not implemented yet', 'see the project issues');
};
export default replay;
