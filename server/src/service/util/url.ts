/** The one rule for links is a contract: the extension opens only what the service linked. */
export { isHttpsUrl } from '../../contracts/url';
