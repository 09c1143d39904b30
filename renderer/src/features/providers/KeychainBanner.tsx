/** Shown instead of a silent fallback: without a keychain, secrets are not stored anywhere. */
export function KeychainBanner() {
  return (
    <div className="banner banner-warn" role="alert">
      The OS keychain is unavailable, so LLM Desk won't store secrets. Start or unlock your keychain (on
      Linux, a Secret Service such as GNOME Keyring), then reopen this screen. Nothing is written to disk in
      its place.
    </div>
  );
}
