/**
 * The demo store's users and their PINs. They are public on purpose: the demo is for training, and
 * its sign-in screen shows them (issue 14) so a trainee never has to ask. They exist only in the
 * demo store's database; a real store starts with the manager its owner creates.
 */
export const DEMO_USERS = [
  { name: 'Ana López', role: 'cashier', pin: '1111' },
  { name: 'Luis Hernández', role: 'manager', pin: '9999' },
] as const;
