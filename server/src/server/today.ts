import { localDate } from '../contracts/today';
import type { PostmortemService } from '../service';

/**
 * The service, with its "today" kept at the local date. The date is looked at each time a request
 * or a check reaches the service (one `Date` per call, nothing to schedule), so the first check
 * after midnight already sees the new day, and a service created anew gets it too.
 */
export function withToday(service: () => PostmortemService, now: () => Date = () => new Date()): () => PostmortemService {
  let configured: { service: PostmortemService; today: string } | undefined;
  return () => {
    const current = service();
    const today = localDate(now());
    if (configured?.service !== current || configured.today !== today) {
      current.configure({ today });
      configured = { service: current, today };
    }
    return current;
  };
}
