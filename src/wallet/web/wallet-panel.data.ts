import type { Db } from '../../db/client';
import { walletCopiesOf } from '../../credentials/holder-copies.service';
import { nameSetting, type NameSetting } from '../name.service';

export interface WalletPanel {
  name: NameSetting;
  /** Valid wallet copies, by the credential they were made from. */
  copies: Map<string, number>;
}

export async function loadWalletPanel(services: { db: Db }, learnerId: string): Promise<WalletPanel> {
  const copies = new Map<string, number>();
  for (const c of await walletCopiesOf(services.db, learnerId)) {
    if (c.copyOf && !c.revokedAt) copies.set(c.copyOf, (copies.get(c.copyOf) ?? 0) + 1);
  }
  return { name: await nameSetting(services.db, learnerId), copies };
}
