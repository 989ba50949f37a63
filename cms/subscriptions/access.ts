import type { Access } from 'payload'
import { isHq, missionsAllowing } from '../access/roles'

/** Subscribers' addresses are personal data: HQ only (export and deletion per address). */
export const hqOnly: Access = ({ req }) => isHq(req.user)

/** Delivery records hold no address: HQ sees all, mission staff their missions' counts. */
export const readDeliveries: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsAllowing(user, 'read')
  return missions.length ? { mission: { in: missions } } : false
}
