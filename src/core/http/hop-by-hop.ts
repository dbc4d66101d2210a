/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never carried to the next hop. */
export const HOP_BY_HOP: readonly string[] = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect'];
