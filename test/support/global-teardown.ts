import { stopPostgres } from './postgres';

export default function globalTeardown(): void {
  stopPostgres();
}
