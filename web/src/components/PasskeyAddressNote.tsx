/** Said where passkeys cannot work because Vessel was opened at an IP address (see passkeyAddressHint). */
import { passkeyAddressHint } from '../session.ts';

export function PasskeyAddressNote() {
  const url = passkeyAddressHint();
  return (
    <p>
      Passkeys work only when Vessel is opened by name, not by IP address.{' '}
      {url ? (
        <>
          Open <a href={url}>{url}</a> to use them.
        </>
      ) : (
        'Open it at its host name to use them.'
      )}
    </p>
  );
}
