import { describe, expect, it } from 'vitest'
import { describeDays, describeWorkingHours } from '../../src/renderer/src/components/working-hours-text'

describe('working hours in words', () => {
  it('collapse runs of three or more days into a range', () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe('Mon–Fri')
    expect(describeDays([5, 4, 3, 2, 1, 6, 7])).toBe('Mon–Sun')
  })

  it('list two neighbouring days and lone days by name', () => {
    expect(describeDays([1, 2])).toBe('Mon, Tue')
    expect(describeDays([1, 3, 5])).toBe('Mon, Wed, Fri')
    expect(describeDays([1, 2, 3, 6])).toBe('Mon–Wed, Sat')
  })

  it('read as a sentence fragment with the hours', () => {
    expect(describeWorkingHours({ days: [2, 3, 4], start: '10:00', end: '18:30' })).toBe('Tue–Thu, 10:00–18:30')
  })
})
