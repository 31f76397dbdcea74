// Once per jest run: the PostgreSQL server the store tests share (each test file makes its own databases).
import { startPostgres } from './postgres';

export default function globalSetup(): void {
  startPostgres();
}
