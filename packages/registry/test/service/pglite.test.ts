import { openStorage } from '../../src/storage/open.js';
import { runServiceSuite } from './service.suite.js';

runServiceSuite('PGlite', () => openStorage());
