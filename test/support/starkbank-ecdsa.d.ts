// starkbank-ecdsa is the ECDSA library @sendgrid/eventwebhook verifies with; the tests sign with it
// as an independent oracle. It ships no types: the tests use it as untyped JavaScript.
declare module 'starkbank-ecdsa';
declare module 'starkbank-ecdsa/ellipticcurve/curve.js';
