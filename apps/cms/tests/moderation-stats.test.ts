import { moderationStatsSuite } from './helpers/moderation-stats-suite';

moderationStatsSuite('sqlite');
